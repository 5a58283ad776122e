package ru.rossgram.paymentsim;

/** The buyer's confirmation page: what is being paid, and buttons that drive the control API. */
final class PaymentPages {
    String page(Provider provider, SimulatedPayment payment) {
        String control = "/_control/" + provider.wire() + "/" + payment.id();
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>Simulated " + provider.wire() + "</title></head><body>"
                + "<h1>" + provider.wire() + " (simulated)</h1>"
                + "<p>Payment <code>" + Exchanges.escapeHtml(payment.id()) + "</code>: "
                + Exchanges.decimal(payment.amountMinor()) + " " + Exchanges.escapeHtml(payment.currency()) + "</p>"
                + "<p>" + Exchanges.escapeHtml(payment.description()) + "</p>"
                + "<p>Status: <b>" + payment.state().name().toLowerCase() + "</b></p>"
                + "<form method=\"post\" action=\"" + control + "/pay\"><button>Pay</button></form>"
                + "<form method=\"post\" action=\"" + control + "/cancel\"><button>Cancel</button></form>"
                + "</body></html>";
    }
}
