package ca.cpa.platform.core.problem;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MessagesTest {

    @Test
    void theFirstSupportedLanguageTheClientAcceptsWins() {
        assertEquals(Locale.FRENCH, Messages.preferred(List.of(Locale.CANADA_FRENCH, Locale.ENGLISH)));
        assertEquals(Locale.ENGLISH, Messages.preferred(List.of(Locale.GERMAN, Locale.CANADA)));
        assertEquals(Locale.ENGLISH, Messages.preferred(List.of(Locale.GERMAN)));
        assertEquals(Locale.ENGLISH, Messages.preferred(List.of()));
    }

    @Test
    void textsAreInEnglishOrFrenchWithTheirArguments() {
        assertEquals("must be a whole number from 1 to 100",
                Messages.get(Locale.ENGLISH, "problem.field.integer-between", 1, 100));
        assertEquals("doit être un nombre entier de 1 à 100",
                Messages.get(Locale.FRENCH, "problem.field.integer-between", 1, 100));
        assertEquals("no.such.key", Messages.get(Locale.FRENCH, "no.such.key"));
    }
}
