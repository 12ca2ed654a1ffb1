package io.keyturn.callers.entity;

/** The device a session was opened from, as far as the request tells (see ClientAddresses). */
public record ClientInfo(String userAgent, String ipAddress) {
}
