/**
 * Coming over from Instagram (issue 17): an export's ZIP files read where they lie in object storage, through ranged
 * reads of the central directory and of each entry ({@code ru.rossgram.shared.imports.zip}), and the export's JSON
 * understood in every era it was published in, captions repaired from its mojibake
 * ({@code ru.rossgram.shared.imports.instagram}).
 */
package ru.rossgram.shared.imports;
