package ru.rossgram.localcloud.template;

/** The HASH and RANGE attributes of a DynamoDB KeySchema list, as tables and indexes write it. */
record KeySchema(String hashKey, String rangeKey) {

    static KeySchema read(TemplateNode schema) {
        String hash = null;
        String range = null;
        for (TemplateNode element : schema.list()) {
            String type = element.get("KeyType").requiredText();
            String attribute = element.get("AttributeName").requiredText();
            switch (type) {
                case "HASH" -> hash = attribute;
                case "RANGE" -> range = attribute;
                default -> throw new SamTemplateException(element.where() + ".KeyType must be HASH or RANGE");
            }
        }
        if (hash == null) {
            throw new SamTemplateException(schema.where() + " has no HASH key");
        }
        return new KeySchema(hash, range);
    }
}
