package io.keyturn.throttling.entity;

/**
 * Attempts counted for one credential check, before it ran: on the account (none for an OAuth client's secret) and
 * on the client address. The check's outcome settles it: a failure keeps both counted, a success gives them back.
 */
public record ThrottleReservation(String accountSubject, String clientSubject, String clientAddress) {
}
