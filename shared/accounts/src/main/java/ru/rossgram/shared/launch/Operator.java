package ru.rossgram.shared.launch;

/**
 * A signed-in account allowed to operate Rossgram, as its actions are recorded.
 *
 * @param id       the account's id
 * @param username its username when it acted (an operator is named by username in configuration)
 */
public record Operator(String id, String username) {
}
