package fr.sne.community.info;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TextesDeReferenceTest {

    @Test
    void articlesOfACodeSortInTheirNaturalOrder() {
        List<String> nums = new ArrayList<>(List.of("Annexe I", "R*123-4", "L441-10", "D6323-1 A", "L441-2", "L441-1", "R123-3", "LO1-1"));
        nums.sort(Comparator.comparing(TextesDeReference::cleTri));
        assertEquals(List.of("LO1-1", "L441-1", "L441-2", "L441-10", "R123-3", "R*123-4", "D6323-1 A", "Annexe I"), nums);
    }
}
