package ru.rossgram.shared.payments.providers;

import java.io.IOException;
import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * What Robokassa's {@code OpStateExt} answers: {@code OperationStateResponse} with {@code Result/Code} (0 answered,
 * 3 no such invoice), {@code State/Code} (5 initiated, 10 canceled, 50 being paid, 60 refunded, 80 suspended,
 * 100 paid), {@code Info/OutSum} and {@code Info/OpKey} (the operation's key, which the refund API names it by).
 *
 * @param result the result code, or empty when the answer is not that document
 * @param state  the operation's state code, or empty
 * @param outSum the sum the shop receives, or null
 * @param opKey  the operation's key, or null
 */
record RobokassaOperationState(String result, String state, String outSum, String opKey) {
    static final String NOT_FOUND = "3";

    /** Reads the answer; a document it cannot read is a result of "" (an error). External entities are refused. */
    static RobokassaOperationState parse(String xml) {
        Document document;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            return new RobokassaOperationState("", "", null, null);
        }
        Element root = document.getDocumentElement();
        Element info = child(root, "Info");
        return new RobokassaOperationState(text(child(child(root, "Result"), "Code")), text(child(child(root, "State"), "Code")),
                optionalText(child(info, "OutSum")), optionalText(child(info, "OpKey")));
    }

    private static Element child(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && name.equals(localName(element))) {
                return element;
            }
        }
        return null;
    }

    private static String localName(Element element) {
        String name = element.getTagName();
        return name.substring(name.indexOf(':') + 1);
    }

    private static String optionalText(Element element) {
        return element == null || text(element).isEmpty() ? null : text(element);
    }

    private static String text(Element element) {
        return element == null ? "" : element.getTextContent().strip();
    }
}
