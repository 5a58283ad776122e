package ru.rossgram.local;

import java.util.List;

/** An Object Storage trigger's call, as a Yandex class's input type maps it for jsoniter: public fields, JSON names. */
public class TriggerBatch {
    public List<Message> messages;

    public static class Message {
        public Metadata event_metadata;
        public Details details;
    }

    public static class Metadata {
        public String event_id;
        public String event_type;
        public String created_at;
        public String folder_id;
        public String cloud_id;
        public TracingContext tracing_context;
    }

    public static class TracingContext {
        public String trace_id;
    }

    public static class Details {
        public String bucket_id;
        public String object_id;
    }

    List<String> keys() {
        return messages.stream().map(m -> m.details.object_id).toList();
    }

    List<String> eventIds() {
        return messages.stream().map(m -> m.event_metadata.event_id).toList();
    }
}
