/**
 * Reconnecting an Instagram audience (issue 17, docs/instagram-import.md "Reconnecting the audience"): the link of
 * an account to the Instagram name its export names, the export's follower and following lists kept as an inverted
 * index of handles, the matches between accounts that followed each other on Instagram, following them all, the
 * audience counts, and unlinking.
 */
package ru.rossgram.shared.imports.audience;
