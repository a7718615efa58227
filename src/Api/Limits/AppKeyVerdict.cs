namespace Governance.Api.Limits;

/// <summary>
/// What <see cref="AppKeyAttempts"/> makes of a key before its cooperative is asked: check it, refuse it again as
/// refused before, or refuse it unchecked until <see cref="RetryAfter"/>, because its key id has failed too often.
/// </summary>
public sealed record AppKeyVerdict(bool RefusedBefore, TimeSpan? RetryAfter)
{
    public static AppKeyVerdict Check { get; } = new(false, null);

    public static AppKeyVerdict RefusedAgain { get; } = new(true, null);

    public static AppKeyVerdict Exhausted(TimeSpan retryAfter) => new(false, retryAfter);
}
