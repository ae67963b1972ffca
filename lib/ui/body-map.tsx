"use client";

import { useId, useRef, useState, type KeyboardEvent } from "react";
import { useTranslations } from "next-intl";
import { BACK_SUB_AREAS } from "@/lib/training-load/symptoms";
import { PAIN_ZONES, areaName, engineZone, zoneName, type PainZone } from "@/lib/pain/labels";

export type BodyMapValue = { zone: PainZone; subArea: string } | null;

/**
 * Shapes of the sub-areas on a back seen from behind (viewBox 300 x 450), so the athlete's left is on
 * the left. Each shape is cut to the outline below, which lets the tiles be drawn as simple polygons.
 */
const SHAPES: Record<string, string[]> = {
  "neck-left": ["M117,40 L139,40 L139,112 L117,112 Z"],
  nape: ["M139,40 L161,40 L161,112 L139,112 Z"],
  "neck-right": ["M161,40 L183,40 L183,112 L161,112 Z"],
  "upper-trapezius": ["M0,40 L117,40 L117,124 L0,150 Z", "M300,40 L183,40 L183,124 L300,150 Z"],
  "shoulder-blade-left": ["M0,150 L117,124 L117,112 L128,112 L128,206 L0,206 Z"],
  "between-shoulder-blades": ["M128,112 L172,112 L172,206 L128,206 Z"],
  "shoulder-blade-right": ["M300,150 L183,124 L183,112 L172,112 L172,206 L300,206 Z"],
  "mid-back": ["M0,206 L300,206 L300,262 L0,262 Z"],
  flanks: ["M0,262 L106,262 L106,352 L0,352 Z", "M300,262 L194,262 L194,352 L300,352 Z"],
  "lower-back-left": ["M106,262 L136,262 L136,322 L120,322 L120,352 L106,352 Z"],
  "lower-back-centre": ["M136,262 L164,262 L164,322 L136,322 Z"],
  "lower-back-right": ["M164,262 L194,262 L194,352 L180,352 L180,322 L164,322 Z"],
  lumbosacral: ["M120,322 L180,322 L180,352 L120,352 Z"],
  "sacrum-buttocks": ["M0,352 L300,352 L300,460 L0,460 Z"],
};

const TORSO =
  "M117,96 C100,106 78,112 58,120 C44,126 40,140 44,158 L56,228 C62,258 74,280 76,300 C74,320 66,338 66,362 " +
  "C66,404 90,436 150,438 C210,436 234,404 234,362 C234,338 226,320 224,300 C226,280 238,258 244,228 L256,158 " +
  "C260,140 256,126 242,120 C222,112 200,106 183,96 Z";
const NECK = "M117,56 L183,56 L183,112 L117,112 Z";

type Region = { zone: PainZone; id: string; label: string; shapes: string[] };

/** Every sub-area the engine knows, in its order; one without a drawn shape would not be offered. */
const REGIONS: Region[] = PAIN_ZONES.flatMap((zone) =>
  BACK_SUB_AREAS[engineZone(zone)].filter((s) => SHAPES[s.id]).map((s) => ({ zone, id: s.id, label: s.label, shapes: SHAPES[s.id] })),
);

const key = (r: { zone: PainZone; subArea?: string; id?: string }) => `${r.zone}/${r.subArea ?? r.id}`;

type Props = {
  value: BodyMapValue;
  onChange: (value: { zone: PainZone; subArea: string }) => void;
  /** The element that names the group (a legend or heading). */
  labelledBy: string;
  describedBy?: string;
  invalid?: boolean;
};

/** A tappable map of the back: one radio per sub-area, with a list of the same choices as an alternative. */
export function BodyMap({ value, onChange, labelledBy, describedBy, invalid }: Props) {
  const t = useTranslations("bodyMap");
  const label = (r: Region) => areaName(t, r.zone, r.id);
  const zoneLower = (zone: PainZone) => zoneName(t, zone).toLocaleLowerCase();
  const clipId = useId();
  const refs = useRef(new Map<string, SVGGElement>());
  const [focused, setFocused] = useState<string | null>(null);
  const selectedKey = value ? key(value) : null;
  // One tab stop for the whole map: the selected area, or the first one before anything is chosen.
  const tabKey = selectedKey ?? key(REGIONS[0]);

  function choose(r: Region, focus = false) {
    onChange({ zone: r.zone, subArea: r.id });
    if (focus) refs.current.get(key(r))?.focus();
  }

  function onKeyDown(e: KeyboardEvent<SVGGElement>, index: number) {
    let next: number | null = null;
    if (e.key === "ArrowDown" || e.key === "ArrowRight") next = (index + 1) % REGIONS.length;
    else if (e.key === "ArrowUp" || e.key === "ArrowLeft") next = (index - 1 + REGIONS.length) % REGIONS.length;
    else if (e.key === "Home") next = 0;
    else if (e.key === "End") next = REGIONS.length - 1;
    else if (e.key === " " || e.key === "Enter") {
      e.preventDefault();
      choose(REGIONS[index]);
      return;
    }
    if (next === null) return;
    e.preventDefault();
    choose(REGIONS[next], true);
  }

  const selected = REGIONS.find((r) => key(r) === selectedKey);
  const focusedRegion = REGIONS.find((r) => key(r) === focused);

  return (
    <div className="body-map">
      <svg
        viewBox="0 0 300 450"
        role="radiogroup"
        aria-labelledby={labelledBy}
        aria-describedby={describedBy}
        aria-required="true"
        aria-invalid={invalid ? true : undefined}
        className="body-map-svg"
      >
        <defs>
          <clipPath id={clipId}>
            <path d={TORSO} />
            <path d={NECK} />
          </clipPath>
        </defs>
        <g clipPath={`url(#${clipId})`}>
          {REGIONS.map((r, i) => {
            const k = key(r);
            const checked = k === selectedKey;
            return (
              <g
                key={k}
                ref={(el) => {
                  if (el) refs.current.set(k, el);
                  else refs.current.delete(k);
                }}
                role="radio"
                aria-checked={checked}
                aria-label={label(r)}
                tabIndex={k === tabKey ? 0 : -1}
                className={`bm-region bm-${r.zone.toLowerCase()}${checked ? " bm-selected" : ""}`}
                onClick={() => choose(r, true)}
                onKeyDown={(e) => onKeyDown(e, i)}
                // The ring is drawn for keyboard focus only; a tapped area already shows as selected.
                onFocus={(e) => setFocused(e.currentTarget.matches(":focus-visible") ? k : null)}
                onBlur={() => setFocused((f) => (f === k ? null : f))}
              >
                <title>{t("areaInZone", { area: label(r), zone: zoneLower(r.zone) })}</title>
                {r.shapes.map((d) => (
                  <path key={d} d={d} />
                ))}
              </g>
            );
          })}
        </g>
        <ellipse cx="150" cy="32" rx="30" ry="31" className="bm-head" aria-hidden="true" />
        <g className="bm-lines" aria-hidden="true">
          <path d="M150,70 L150,380" strokeDasharray="4 6" />
          <path d="M86,142 L124,134 L120,196 Z" />
          <path d="M214,142 L176,134 L180,196 Z" />
          <path d="M150,392 L150,436" />
          <path d={TORSO} fill="none" />
        </g>
        <g clipPath={`url(#${clipId})`} aria-hidden="true">
          {selected ? selected.shapes.map((d) => <path key={d} d={d} className="bm-selected-outline" />) : null}
          {focusedRegion ? focusedRegion.shapes.map((d) => <path key={d} d={d} className="bm-focus-ring" />) : null}
        </g>
        <text x="8" y="444" className="bm-side" aria-hidden="true">
          {t("left")}
        </text>
        <text x="292" y="444" textAnchor="end" className="bm-side" aria-hidden="true">
          {t("right")}
        </text>
      </svg>
      <p className="body-map-selection" aria-live="polite">
        {selected ? (
          <>
            {t("selected")} <strong>{label(selected)}</strong> <span className="muted">({zoneLower(selected.zone)})</span>
          </>
        ) : (
          <span className="muted">{t("noneChosen")}</span>
        )}
      </p>
      <details className="body-map-list">
        <summary>{t("chooseFromList")}</summary>
        {PAIN_ZONES.map((zone) => (
          <fieldset key={zone} className="tiles">
            <legend>{zoneName(t, zone)}</legend>
            <div className="tile-row">
              {REGIONS.filter((r) => r.zone === zone).map((r) => (
                <label key={r.id} className="tile">
                  <input
                    type="radio"
                    name="areaChoice"
                    value={key(r)}
                    checked={key(r) === selectedKey}
                    onChange={() => choose(r)}
                  />
                  <span className="tile-face">{label(r)}</span>
                </label>
              ))}
            </div>
          </fieldset>
        ))}
      </details>
    </div>
  );
}
