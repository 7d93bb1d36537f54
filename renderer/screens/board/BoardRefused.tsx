/**
 * A board that did not open: why, in one sentence, and — when a code from the big screen would
 * get the person in — the way to the join form, so a bad link is not a dead end.
 */
export function BoardRefused({ message, toJoinForm }: { message: string; toJoinForm: boolean }) {
  return (
    <main className="notice" role="alert">
      <div className="refused">
        <p>{message}</p>
        {toJoinForm && (
          <p>
            <a href="/join">Type the code from the big screen instead</a>
          </p>
        )}
      </div>
    </main>
  );
}
