import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/viewer";
import { listOwnShoes } from "@/lib/sessions/queries";
import { formatDistance, thresholdDistance } from "@/lib/units";
import { DEFAULT_THRESHOLDS } from "@/lib/training-load";
import { AddShoeForm, RetireShoeButton } from "./shoe-forms";

export const metadata: Metadata = { title: "Shoes" };

// Wear past this distance raises an information flag for the coach.
const SHOE_WEAR_KM = DEFAULT_THRESHOLDS.shoeKm;

export default async function ShoesPage() {
  const viewer = await requireViewer();
  const shoes = await listOwnShoes(viewer);
  return (
    <div className="narrow">
      <h1>Your shoes</h1>
      {shoes.length === 0 ? (
        <p className="muted">No shoes yet. Add the pairs you run in to follow their wear.</p>
      ) : (
        <ul style={{ listStyle: "none", padding: 0 }}>
          {shoes.map((s) => (
            <li key={s.id} className="card">
              <div className="row" style={{ justifyContent: "space-between" }}>
                <div>
                  <strong>{s.name}</strong> {s.brand ? <span className="muted">{s.brand}</span> : null}
                  <div>
                    {formatDistance(s.km, viewer.unitPreference)}{" "}
                    {s.retired ? <span className="badge">retired</span> : null}
                    {!s.retired && s.km > SHOE_WEAR_KM ? <span className="badge badge-danger">worn: past {thresholdDistance(SHOE_WEAR_KM, viewer.unitPreference)}</span> : null}
                  </div>
                </div>
                <RetireShoeButton shoeId={s.id} retired={s.retired} name={s.name} />
              </div>
            </li>
          ))}
        </ul>
      )}
      <section className="card" aria-labelledby="add-shoe">
        <h2 id="add-shoe" style={{ marginTop: 0 }}>
          Add a shoe
        </h2>
        <AddShoeForm unit={viewer.unitPreference} />
      </section>
    </div>
  );
}
