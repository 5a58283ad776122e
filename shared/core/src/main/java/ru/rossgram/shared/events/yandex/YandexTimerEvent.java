package ru.rossgram.shared.events.yandex;

import java.util.List;

/**
 * What a Yandex Cloud Functions timer trigger hands its function on each firing of its cron expression: one message
 * with its {@code event_metadata} ({@code event_type} {@link #TIMER_MESSAGE}, {@code created_at} the firing time) and
 * {@code details} (the trigger's id and the payload it was created with, if any). The Yandex counterpart of an
 * EventBridge {@code ScheduledEvent}. Read by the Yandex runtime's jsoniter, so public fields named exactly as the JSON
 * names them ({@code snake_case}), no annotations; fields not declared here are skipped. It lives beside
 * {@code YandexStorageEvent}'s package but in shared/core, as a scheduled function needs nothing of media.
 */
public class YandexTimerEvent {
    public static final String TIMER_MESSAGE = "yandex.cloud.events.serverless.triggers.TimerMessage";

    public List<Message> messages;

    public YandexTimerEvent() {
    }

    public static class Message {
        public YandexEventMetadata event_metadata;
        public Details details;

        public Message() {
        }
    }


    public static class Details {
        public String trigger_id;
        /** What {@code yc serverless trigger create timer --payload} gave; null when it gave nothing. */
        public String payload;

        public Details() {
        }
    }
}
