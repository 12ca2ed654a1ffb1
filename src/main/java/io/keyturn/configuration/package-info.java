/**
 * What all components share about their environment: the clock, the wording of a setting out of range
 * ({@code SettingRanges}), and numeric and on/off settings read strictly from their text ({@code SettingNumbers},
 * {@code SettingSwitches}). Each component reads its own
 * {@code keyturn.*} settings into a small validated value of its own (docs/configuration.md names them).
 * <p>
 * Uses: nothing of Keyturn. Transactions: none.
 */
package io.keyturn.configuration;
