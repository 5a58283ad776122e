package ru.rossgram.shared.social;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ru.rossgram.shared.accounts.Account;
import ru.rossgram.shared.accounts.AccountRepository;
import ru.rossgram.shared.accounts.AccountViews;

/** Turns a page of graph entries into rows with names and avatars: one BatchGet of the profiles. */
@Singleton
class UserSummaries {
    private final AccountRepository accounts;
    private final AccountViews views;

    UserSummaries(AccountRepository accounts, AccountViews views) {
        this.accounts = accounts;
        this.views = views;
    }

    List<UserSummary> of(GraphPage page) {
        Map<String, Account> found = profiles(page);
        List<UserSummary> rows = new ArrayList<>();
        for (GraphPage.Entry entry : page.entries()) {
            Account account = found.get(entry.userId());
            if (account != null) { // an account deleted meanwhile is left out
                rows.add(new UserSummary(account.userId(), account.username(), account.displayName(),
                        views.avatar(account.avatar())));
            }
        }
        return rows;
    }

    List<FollowRequestView> requests(GraphPage page) {
        Map<String, Account> found = profiles(page);
        List<FollowRequestView> rows = new ArrayList<>();
        for (GraphPage.Entry entry : page.entries()) {
            Account account = found.get(entry.userId());
            if (account != null) {
                rows.add(new FollowRequestView(account.userId(), account.username(), account.displayName(),
                        views.avatar(account.avatar()), entry.since()));
            }
        }
        return rows;
    }

    private Map<String, Account> profiles(GraphPage page) {
        return accounts.findAllById(page.entries().stream().map(GraphPage.Entry::userId).toList());
    }
}
