package ru.rossgram.shared.launch;

/**
 * An account's verified-creator mark as an operator left it.
 *
 * @param id              the account
 * @param username        its username
 * @param verifiedCreator whether Rossgram now vouches for it as a creator
 */
public record CreatorMark(String id, String username, boolean verifiedCreator) {
}
