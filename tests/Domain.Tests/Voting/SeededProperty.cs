using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;
using Xunit.Abstractions;

namespace Governance.Domain.Tests.Voting;

/// <summary>
/// Runs a property from a seed drawn here and writes the seed to the test output, so that a passing run can be
/// repeated as exactly as a failing one, whose seed FsCheck reports in its message. Pass a printed seed as
/// <c>replay</c> to run those cases again.
/// </summary>
internal static class SeededProperty
{
    public static void Check<T>(ITestOutputHelper output, Arbitrary<T> arbitrary, Action<T> property, int maxTest, int endSize, string? replay = null)
    {
        var rnd = replay is null ? new Rnd((ulong)Random.Shared.NextInt64(), (ulong)Random.Shared.NextInt64() | 1) : Parse(replay);
        output.WriteLine($"Seed {rnd.Seed},{rnd.Gamma}: {maxTest} tests, sizes up to {endSize}.");
        var config = Config.QuickThrowOnFailure
            .WithMaxTest(maxTest)
            .WithEndSize(endSize)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(rnd, FSharpOption<int>.None)));
        Prop.ForAll(arbitrary, property).Check(config);
    }

    private static Rnd Parse(string replay)
    {
        var parts = replay.Trim('(', ')', ' ').Split(',');
        return new Rnd(ulong.Parse(parts[0].Trim()), ulong.Parse(parts[1].Trim()));
    }
}
