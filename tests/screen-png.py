#!/usr/bin/python3
"""A terminal screen as tmux shows it (capture-pane -e: text with SGR
colours) drawn to a PNG, one cell per column, CJK characters two wide.
    screen-png.py FONT COLS ROWS < SCREEN > OUT.png
Needs python3-pil.  The palette is xterm's, so the picture looks as the
form does in an ordinary terminal."""
import re
import sys
import unicodedata

from PIL import Image, ImageDraw, ImageFont

BASE = [(0, 0, 0), (205, 0, 0), (0, 160, 0), (205, 160, 0), (80, 130, 245), (190, 0, 190),
        (0, 170, 180), (229, 229, 229), (127, 127, 127), (255, 40, 40), (0, 200, 0),
        (230, 220, 0), (92, 130, 255), (255, 0, 255), (0, 210, 230), (255, 255, 255)]
FG, BG = (229, 229, 229), (24, 24, 24)
CELL_W, CELL_H, SIZE = 8, 18, 15


def colour256(n):
    if n < 16:
        return BASE[n]
    if n < 232:
        n -= 16
        steps = [0, 95, 135, 175, 215, 255]
        return (steps[n // 36], steps[n // 6 % 6], steps[n % 6])
    return (8 + 10 * (n - 232),) * 3


def sgr(state, params):
    codes = [int(p) if p else 0 for p in params.split(';')] if params else [0]
    i = 0
    while i < len(codes):
        c = codes[i]
        if c == 0:
            state.update(fg=None, bg=None, bold=False, dim=False, reverse=False)
        elif c == 1:
            state['bold'] = True
        elif c == 2:
            state['dim'] = True
        elif c == 22:
            state['bold'] = state['dim'] = False
        elif c == 7:
            state['reverse'] = True
        elif c == 27:
            state['reverse'] = False
        elif 30 <= c <= 37 or 90 <= c <= 97:
            state['fg'] = BASE[c - 30 if c < 90 else c - 90 + 8]
        elif 40 <= c <= 47 or 100 <= c <= 107:
            state['bg'] = BASE[c - 40 if c < 100 else c - 100 + 8]
        elif c == 39:
            state['fg'] = None
        elif c == 49:
            state['bg'] = None
        elif c in (38, 48) and i + 1 < len(codes):
            if codes[i + 1] == 5 and i + 2 < len(codes):
                rgb, i = colour256(codes[i + 2]), i + 2
            elif codes[i + 1] == 2 and i + 4 < len(codes):
                rgb, i = tuple(codes[i + 2:i + 5]), i + 4
            else:
                rgb = None
            state['fg' if c == 38 else 'bg'] = rgb
        i += 1


def main():
    font_path, cols, rows = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    # WenQuanYi Zen Hei Mono is the second face of wqy-zenhei.ttc
    font = ImageFont.truetype(font_path, SIZE, index=1 if font_path.endswith('.ttc') else 0)
    image = Image.new('RGB', (cols * CELL_W, rows * CELL_H), BG)
    draw = ImageDraw.Draw(image)
    state = dict(fg=None, bg=None, bold=False, dim=False, reverse=False)
    text = sys.stdin.buffer.read().decode('utf-8')
    for y, line in enumerate(text.split('\n')[:rows]):
        x = 0
        for token in re.findall(r'\x1b\[([0-9;]*)m|(\x1b\[[0-9;?]*[A-Za-z])|(.)', line):
            if token[1]:
                continue
            if not token[2]:
                sgr(state, token[0])
                continue
            ch = token[2]
            width = 2 if unicodedata.east_asian_width(ch) in 'WF' else 1
            fg, bg = state['fg'] or FG, state['bg'] or BG
            if state['reverse']:
                fg, bg = bg, fg
            if state['dim']:
                fg = tuple(c // 2 + b // 2 for c, b in zip(fg, bg))
            box = (x * CELL_W, y * CELL_H, (x + width) * CELL_W - 1, (y + 1) * CELL_H - 1)
            draw.rectangle(box, fill=bg)
            if ch != ' ':
                draw.text((x * CELL_W, y * CELL_H + 1), ch, font=font, fill=fg,
                          stroke_width=0)
                if state['bold']:
                    draw.text((x * CELL_W + 1, y * CELL_H + 1), ch, font=font, fill=fg)
            x += width
    # few colours: a palette PNG stays small
    image.quantize(colors=64, method=Image.Quantize.FASTOCTREE).save(sys.stdout.buffer, 'PNG',
                                                                    optimize=True)


main()
