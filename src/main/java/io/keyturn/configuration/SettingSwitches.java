package io.keyturn.configuration;

import java.util.Locale;

/**
 * On/off settings read as text. MicroProfile Config's own boolean conversion reads every word it does not know as
 * {@code false}, a typo included ({@code ture}), so a safety switch would silently turn itself off; read here, a
 * word that is neither on nor off stops the deployment with a message naming the property, like the range checks of
 * {@link SettingRanges}.
 */
public final class SettingSwitches {

    private SettingSwitches() {
    }

    /**
     * For a switch that MicroProfile Config's conversion used to read: the words it reads as true ({@code true},
     * {@code yes}, {@code y}, {@code on}, {@code 1}, and on WildFly's SmallRye Config also {@code ja}, {@code j},
     * {@code si}, {@code sim}, {@code oui}) and the opposites ({@code false}, {@code no}, {@code n}, {@code off},
     * {@code 0}), in any case and with blanks around, so every configuration that meant something keeps its meaning;
     * anything else is refused.
     */
    public static boolean onOrOff(String value, String property) {
        String word = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        return switch (word) {
            case "true", "yes", "y", "on", "1", "ja", "j", "si", "sim", "oui" -> true;
            case "false", "no", "n", "off", "0" -> false;
            default -> throw new IllegalArgumentException(property + " must be true or false (also yes/no, on/off, "
                    + "1/0), not \"" + value + "\"");
        };
    }
}
