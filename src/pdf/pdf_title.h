/* Where the title and the 落款 of the PDF may break: between the words of
 * an organ's name (青岚县|政务服务|管理办公室), never inside one, and the
 * title's lines chosen in the 梯形 or 菱形 shape of GB/T 9704-2012 7.3.1
 * (each line no longer than the next, or longest in the middle). */
#ifndef NIANBAO_PDF_TITLE_H
#define NIANBAO_PDF_TITLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Marks in breaks[1..n) where organ[0..n) may break (breaks[i]: before
 * organ[i]): after an administrative division (省 市 县 区 镇 乡 街道 …)
 * and after the words that end the name of an organ or its part
 * (人民政府 办公室 委员会 局 中心 服务 …).  breaks[0] is false. */
void pdf_title_organ_breaks(const uint32_t *organ, size_t n, bool *breaks);

/* Lines of whole words for cps[0..n) with widths, breaking only where
 * breaks[] allows, at most width wide; a word wider than that is broken
 * anywhere line breaking allows.  Returns the number of lines, the first
 * character of each in (*starts)[] (the caller frees it). */
size_t pdf_title_word_lines(const uint32_t *cps, const double *widths, const bool *breaks, size_t n,
			    double width, size_t **starts);

/* The title's lines: cps[0..n) is organ (its first norgan characters)
 * and the rest of the title; breaks go between the organ's words, after
 * the organ, after the year's 年, and, only when nothing else fits,
 * between other characters.  Of the layouts with fewest lines that fit
 * width, the one in 梯形 or 菱形 shape with the most even lines.  Returns
 * the number of lines as pdf_title_word_lines. */
size_t pdf_title_lines(const uint32_t *cps, const double *widths, size_t n, size_t norgan,
		       double width, size_t **starts);

#endif
