package io.keyturn.database;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RowIdsTest {

    @Test
    void everyNewIdIsWellFormedAndNew() {
        String first = RowIds.next();
        String second = RowIds.next();

        assertTrue(RowIds.wellFormed(first));
        assertTrue(RowIds.wellFormed(second));
        assertNotEquals(first, second);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            // what MySQL's PAD SPACE collations would still match to a stored id
            "0f8fad5b-d9cb-469f-a165-70867728950e ",
            // forms UUID.fromString accepts that no new id has
            "1-1-1-1-1",
            "0F8FAD5B-D9CB-469F-A165-70867728950E",
            "0f8fad5b-d9cb-469f-a165-70867728950",
            "+f8fad5b-d9cb-469f-a165-70867728950e",
            "0f8fad5b-d9cb-469f-a165-70867728950g",
            "0f8fad5bd9cb469fa16570867728950e0000"})
    void anythingElseNamesNoRow(String id) {
        assertFalse(RowIds.wellFormed(id));
    }

    @Test
    void theCanonicalFormOfAnyUuidIsWellFormed() {
        assertTrue(RowIds.wellFormed("0f8fad5b-d9cb-469f-a165-70867728950e"));
    }
}
