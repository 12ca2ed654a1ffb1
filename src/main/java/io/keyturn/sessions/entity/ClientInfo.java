package io.keyturn.sessions.entity;

import jakarta.servlet.http.HttpServletRequest;

/** The device a session was opened from, as far as the request tells. */
public record ClientInfo(String userAgent, String ipAddress) {

    public static ClientInfo of(HttpServletRequest request) {
        return new ClientInfo(request.getHeader("User-Agent"), request.getRemoteAddr());
    }
}
