using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Governance.Domain.Voting;

namespace Governance.Domain.Tests.Voting;

public enum LiveChangeKind
{
    Vote,
    Withdraw,
    DefaultEntry,
    TopicEntry,
    ProposalEntry,

    /// <summary>A delegation to a member whose chain reaches the member: it closes a loop unless a ballot stops it.</summary>
    IntoOwnTree,

    /// <summary>A delegation, at a scope the pick chooses, to the member with the longest chain, so that chains grow deep.</summary>
    OntoLongestChain,

    /// <summary>The member leaves the cooperative.</summary>
    Removal,

    /// <summary>The cooperative sends the member's combined entry again, unchanged.</summary>
    Resend,
}

/// <summary>One change to a decision's network. <paramref name="Target"/> is a layer entry, or a pick for the kinds that choose their own target.</summary>
public sealed record LiveChange(LiveChangeKind Kind, int Member, int Target = DelegationEntry.None, Choice? Choice = null)
{
    public override string ToString() => Kind switch
    {
        LiveChangeKind.Vote => $"{Member} votes {Choice}",
        LiveChangeKind.Withdraw or LiveChangeKind.Removal or LiveChangeKind.Resend => $"{Kind} {Member}",
        _ => $"{Kind} {Member} -> {Target}",
    };
}

/// <summary>A random network and a random run of changes to it, of every kind the decision and the cooperative make.</summary>
public sealed record LiveScenario(RandomNetwork Start, IReadOnlyList<LiveChange> Changes)
{
    public static Gen<LiveScenario> Generator() =>
        from start in RandomNetwork.Generator()
        from length in Gen.Sized(size => Gen.Choose(1, Math.Max(1, 2 * size)))
        from changes in Gen.ArrayOf(Change(start.Count), length)
        select new LiveScenario(start, changes);

    public override string ToString() =>
        new StringBuilder().Append(Start).AppendLine("changes:").AppendJoin(Environment.NewLine, Changes).ToString();

    private static Gen<LiveChange> Change(int count) =>
        from member in Gen.Choose(0, count - 1)
        from choice in Gen.Elements(Choice.Yes, Choice.No, Choice.Abstain)
        from entry in Entry(count, member)
        from pick in Gen.Choose(0, 3 * count)
        from kind in Gen.Frequency(
            (18, Gen.Constant(LiveChangeKind.Vote)),
            (12, Gen.Constant(LiveChangeKind.Withdraw)),
            (14, Gen.Constant(LiveChangeKind.DefaultEntry)),
            (12, Gen.Constant(LiveChangeKind.TopicEntry)),
            (12, Gen.Constant(LiveChangeKind.ProposalEntry)),
            (10, Gen.Constant(LiveChangeKind.IntoOwnTree)),
            (8, Gen.Constant(LiveChangeKind.OntoLongestChain)),
            (3, Gen.Constant(LiveChangeKind.Removal)),
            (3, Gen.Constant(LiveChangeKind.Resend)))
        select kind switch
        {
            LiveChangeKind.Vote => new LiveChange(kind, member, Choice: choice),
            LiveChangeKind.IntoOwnTree or LiveChangeKind.OntoLongestChain => new LiveChange(kind, member, pick),
            _ => new LiveChange(kind, member, entry),
        };

    private static Gen<int> Entry(int count, int member) =>
        Gen.Frequency(
            (50, Gen.Choose(0, count - 1)),
            (8, Gen.Constant(member)),
            (12, Gen.Constant(DelegationEntry.Blocked)),
            (20, Gen.Constant(DelegationEntry.None)),
            (3, Gen.Constant(RandomNetwork.OutsideNetwork)));
}
