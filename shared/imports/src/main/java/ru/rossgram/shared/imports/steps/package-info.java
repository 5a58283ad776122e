/**
 * Processing an uploaded export (issue 17, docs/instagram-import.md "Processing"): one resumable step per task
 * object ({@code tasks/imports/run/...}), each reading the export where it lies, doing a bounded share of the work
 * from the import's cursor and queueing the next; a hostile or unreadable archive ends the import as failed.
 */
package ru.rossgram.shared.imports.steps;
