package fr.sne.bench.mesure;

import java.util.List;

/** One scenario of the suite: measures the product and its baseline in the same run. */
public interface Scenario {

    /** The scenario's number in issue #11 ("1", "2"…), for the report's order. */
    String numero();

    String titre();

    List<Mesure> executer(Banc banc) throws Exception;
}
