package ru.rossgram.shared.accounts;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of {@code PATCH /v1/me}: fields left out stay as they are.
 *
 * @param username       a new username (a rename), with the same rules as at sign-up
 * @param privateAccount {@code private} in JSON: true makes new followers ask for approval
 */
public record ProfileUpdate(String username, String displayName, String bio,
                            @JsonProperty("private") Boolean privateAccount) {
}
