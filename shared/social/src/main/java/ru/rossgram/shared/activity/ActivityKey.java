package ru.rossgram.shared.activity;

/**
 * What names one inbox item: whose inbox, what kind, about what ({@link Activity#subject()}). An action that wrote
 * items derives their keys again from what it stored to remove them (a deleted comment, a deleted post).
 */
public record ActivityKey(String recipientId, ActivityKind kind, String subject) {
}
