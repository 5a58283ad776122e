package ru.rossgram.shared.payments;

import ru.rossgram.shared.money.Money;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import ru.rossgram.shared.auth.Caller;
import ru.rossgram.shared.paging.CursorCodec;
import ru.rossgram.shared.paging.PageRequest;

/** Shows a creator what they earned and from which sales. */
@Singleton
public class EarningsService {
    private final Ledger ledger;
    private final CursorCodec cursors;

    public EarningsService(Ledger ledger, CursorCodec cursors) {
        this.ledger = ledger;
        this.cursors = cursors;
    }

    /** @throws ru.rossgram.shared.problem.ProblemException 400 for a cursor not issued for this creator's history */
    public Earnings of(Caller caller, PageRequest request) {
        String account = LedgerAccounts.creator(caller.userId());
        String purpose = "earnings:" + caller.userId();
        String before = request.cursor() == null ? null : cursors.decode(purpose, request.cursor()).get("before");
        List<Ledger.StoredEntry> entries = ledger.entries(account, before, request.limit());
        List<Earnings.Line> lines = entries.stream().map(entry -> new Earnings.Line(entry.entryId(), entry.kind(),
                new Earnings.Amount(entry.amount().minor(), entry.amount().currency()), entry.paymentId(),
                entry.subject(), entry.at())).toList();
        Money balance = ledger.balance(account, Money.RUB);
        String next = entries.size() == request.limit()
                ? cursors.encode(purpose, Map.of("before", entries.get(entries.size() - 1).entryId())) : null;
        return new Earnings(new Earnings.Amount(balance.minor(), balance.currency()), lines, next);
    }
}
