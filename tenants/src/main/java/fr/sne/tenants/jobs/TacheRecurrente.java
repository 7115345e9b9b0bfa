package fr.sne.tenants.jobs;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

/** A feature's recurring job; the {@link Planificateur} runs every bean of this type. */
public interface TacheRecurrente {
    RecurringTask<Void> tache();
}
