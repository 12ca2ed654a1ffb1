package io.keyturn.configuration;

/**
 * Numeric settings read as text. MicroProfile Config's own conversion to {@code int} or {@code long}, given a value
 * it cannot convert ({@code 15m}, {@code 1h}, {@code fifty}, a number beyond the type), makes Payara inject the
 * property's {@code defaultValue} without a word, so a setting the operator meant to change silently keeps its
 * default; read here, such a value stops the deployment with a message naming the property, like
 * {@link SettingSwitches} for on/off settings. The range checks of {@link SettingRanges} follow as before.
 */
public final class SettingNumbers {

    private SettingNumbers() {
    }

    /**
     * A whole number in decimal digits, with an optional sign and blanks around (as MicroProfile Config accepted);
     * anything else is refused: units, fractions, exponents, digit groups, a value beyond {@code long}.
     */
    public static long whole(String value, String property) {
        String digits = value == null ? "" : value.strip();
        // Long.parseLong alone would also take non-ASCII digits (Arabic-Indic, full-width)
        if (digits.matches("[+-]?[0-9]{1,19}")) {
            try {
                return Long.parseLong(digits);
            } catch (NumberFormatException beyondLong) {
                // refused below, as every other value that is not a long
            }
        }
        throw new IllegalArgumentException(property + " must be a whole number, not \"" + value + "\"");
    }

    /**
     * As {@link #whole}, for a setting held in an {@code int}: a whole number beyond it is refused too, naming the
     * largest and smallest, instead of wrapping around into some other number.
     */
    public static int wholeInt(String value, String property) {
        long number = whole(value, property);
        if (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(property + " must be a whole number between " + Integer.MIN_VALUE
                    + " and " + Integer.MAX_VALUE + ", not \"" + value + "\"");
        }
        return (int) number;
    }
}
