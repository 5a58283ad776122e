package ru.rossgram.shared.activity;

/** The body of {@code POST /v1/me/activity/read}: everything up to this item (an {@code activityId}) is read. */
public record ReadMark(String upTo) {
}
