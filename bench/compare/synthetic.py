"""Writes a synthetic theatre scaled by S: a front of 4*S rows, each a blue cell facing a red cell, one 1,000-strong
unit per cell; blue attacks towards the red cells, red defends. Cells, units and edges all grow linearly with S, so
nanoseconds per unit-tick should stay flat if the engine scales linearly.
Usage: synthetic.py SCALE OUT_DIR"""
import os
import sys

scale = int(sys.argv[1])
out = sys.argv[2]
rows = 4 * scale
os.makedirs(out, exist_ok=True)
lines = [
    "salient: 1",
    f"name: synthetic-{scale}x",
    f"title: Synthetic front, {rows} rows",
    "calendar: { start: 2024-01-01, end: 2024-01-30, tick_hours: 6 }",
    "sides:",
    "  - { id: blue, name: Blue, doctrine: { attack_ratio: 1.0 } }",
    "  - { id: red, name: Red }",
    "theatre:",
    "  nodes:",
]
for r in range(rows):
    lat = 50 + r * 0.05
    lines.append(f"    - {{ id: b{r}, lon: 30.00, lat: {lat:.2f}, area_km2: 20, control: blue }}")
    lines.append(f"    - {{ id: r{r}, lon: 30.10, lat: {lat:.2f}, area_km2: 20, control: red }}")
lines.append("  edges:")
for r in range(rows):
    lines.append(f"    - {{ from: b{r}, to: r{r} }}")
    if r + 1 < rows:
        lines.append(f"    - {{ from: b{r}, to: b{r + 1} }}")
        lines.append(f"    - {{ from: r{r}, to: r{r + 1} }}")
lines.append("  depots:")
lines.append("    - { id: blue-base, side: blue, at: b0 }")
lines.append("    - { id: red-base, side: red, at: r0 }")
lines.append("units:")
for r in range(rows):
    lines.append(f"  - {{ id: bu{r}, side: blue, at: b{r}, personnel: {{ dist: uniform, min: 900, max: 1100, source: assumption }} }}")
    lines.append(f"  - {{ id: ru{r}, side: red, at: r{r}, personnel: {{ value: 700, source: assumption }} }}")
objectives = ", ".join(f"r{r}" for r in range(rows))
lines += [
    "plans:",
    "  - side: blue",
    "    phases:",
    f"      - {{ name: attack, start: 2024-01-01, end: 2024-01-30, posture: attack, objectives: [{objectives}] }}",
    "  - side: red",
    "    phases:",
    "      - { name: hold, start: 2024-01-01, end: 2024-01-30, posture: defend }",
]
with open(os.path.join(out, "scenario.yaml"), "w", encoding="utf-8") as f:
    f.write("\n".join(lines) + "\n")
print(2 * rows)  # units
