package ru.rossgram.shared.launch;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.List;
import java.util.Locale;

/**
 * Who operates Rossgram ({@code ROSSGRAM_OPERATORS_*}): set by whoever deploys it, never through the API.
 *
 * @param usernames  the accounts, by username, that may use the operator endpoints; these names are reserved, so
 *                   nobody else can take one
 * @param invitation a secret invitation code that lets an operator name be taken at sign-up (the first operator
 *                   signs up with it during the closed phase, when no other invitation exists yet); empty: none
 */
@ConfigurationProperties("rossgram.operators")
public record OperatorsConfig(
        @Bindable(defaultValue = "") List<String> usernames,
        @Bindable(defaultValue = "") String invitation) {

    public OperatorsConfig {
        usernames = usernames == null ? List.of()
                : usernames.stream().map(String::trim).filter(name -> !name.isEmpty()).toList();
        invitation = invitation == null ? "" : invitation.trim();
    }

    /** Whether {@code username} (any case) is an operator's name. */
    public boolean isOperatorName(String username) {
        String lower = username.toLowerCase(Locale.ROOT);
        return usernames.stream().anyMatch(name -> name.toLowerCase(Locale.ROOT).equals(lower));
    }
}
