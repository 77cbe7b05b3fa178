package io.sparkfeed.accounts;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in account as Spring Security holds it in the session. It carries the account id so that controllers
 * never look an account up by name; Prime is not an authority because it changes while a session lasts. It also
 * carries the account's session version at login: a session holding an older one was logged out everywhere. The
 * password hash is only there for the password check: it is erased before the principal goes into a session.
 * In the session (PostgreSQL, as JSON) it is its fields, never the hash.
 */
@JsonAutoDetect(
        fieldVisibility = Visibility.ANY,
        getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE,
        creatorVisibility = Visibility.NONE)
public final class AccountPrincipal implements UserDetails, CredentialsContainer, Serializable {

    @Serial
    private static final long serialVersionUID = 2L;

    private final long id;
    private final String email;
    private final String handle;

    @JsonIgnore
    private String passwordHash;

    private final boolean admin;
    private final boolean suspended;
    private final int sessionVersion;

    public AccountPrincipal(
            long id,
            String email,
            String handle,
            String passwordHash,
            boolean admin,
            boolean suspended,
            int sessionVersion) {
        this(id, email, handle, admin, suspended, sessionVersion);
        this.passwordHash = passwordHash;
    }

    @JsonCreator
    private AccountPrincipal(
            @JsonProperty("id") long id,
            @JsonProperty("email") String email,
            @JsonProperty("handle") String handle,
            @JsonProperty("admin") boolean admin,
            @JsonProperty("suspended") boolean suspended,
            @JsonProperty("sessionVersion") int sessionVersion) {
        this.id = id;
        this.email = email;
        this.handle = handle;
        this.admin = admin;
        this.suspended = suspended;
        this.sessionVersion = sessionVersion;
    }

    public long id() {
        return id;
    }

    public String handle() {
        return handle;
    }

    public boolean admin() {
        return admin;
    }

    public int sessionVersion() {
        return sessionVersion;
    }

    /** The same session's principal with the admin role as the account has it now (no password hash). */
    public AccountPrincipal withAdmin(boolean admin) {
        return new AccountPrincipal(id, email, handle, null, admin, suspended, sessionVersion);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return admin
                ? List.of(new SimpleGrantedAuthority("ROLE_MEMBER"), new SimpleGrantedAuthority("ROLE_ADMIN"))
                : List.of(new SimpleGrantedAuthority("ROLE_MEMBER"));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isEnabled() {
        return !suspended;
    }

    @Override
    public void eraseCredentials() {
        this.passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AccountPrincipal that && that.id == id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    @Override
    public String toString() {
        return "AccountPrincipal[" + id + ", @" + handle + "]";
    }
}
