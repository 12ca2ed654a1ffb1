package io.keyturn.users.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Locale;

/**
 * A name access tokens give as {@code upn} and {@code preferred_username} (MicroProfile JWT's {@code getName()}): an
 * account's username or an OAuth client's id, in lower case, and who holds it. One name is one principal: its primary
 * key makes a registration of an account and a registration of a client with the same name exclude each other
 * however close together they run, which checks of the users and clients tables alone cannot (both pass before
 * either commits). Clients whose ids differ only in case share their name's row.
 */
@Entity
@Table(name = "principal_names")
public class PrincipalName {

    /** Who holds a name: one account, or one or more clients whose ids differ only in case. */
    public enum Holder {
        USER, CLIENTS
    }

    @Id
    private String name;

    @Enumerated(EnumType.STRING)
    private Holder holder;

    protected PrincipalName() {
        // for JPA
    }

    public PrincipalName(String usernameOrClientId, Holder holder) {
        this.name = of(usernameOrClientId);
        this.holder = holder;
    }

    /** The name's key: usernames and client ids are ASCII by their rules, so lower case is all that differs. */
    public static String of(String usernameOrClientId) {
        return usernameOrClientId.toLowerCase(Locale.ROOT);
    }

    public Holder holder() {
        return holder;
    }
}
