using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Governance.Domain.Voting;

namespace Governance.Domain.Tests.Voting;

/// <summary>
/// The raw inputs of a <see cref="DelegationNetwork"/>, kept so that the reference resolver can read the layers
/// itself rather than through the code under test, and so that a failing case prints in full.
/// </summary>
public sealed record RandomNetwork(
    bool[] Eligible,
    Choice?[] Direct,
    int[] DefaultLayer,
    int[]? TopicLayer,
    IReadOnlyDictionary<int, int> ProposalLayer)
{
    /// <summary>A delegate index past every member, as <see cref="EligibleRoster"/> gives an unknown delegate id.</summary>
    public const int OutsideNetwork = int.MaxValue;

    /// <summary>Marks "no entry" while generating the sparse proposal layer; never stored.</summary>
    private const int Absent = int.MinValue;

    public int Count => Eligible.Length;

    public DelegationNetwork ToNetwork() => new(Eligible, Direct, DefaultLayer, TopicLayer, ProposalLayer);

    /// <summary>
    /// Random graphs up to the test size: self-loops, cycles, blocks at every scope, ineligible members and
    /// delegates outside the network all occur, and delegation targets are uniform, so chains and cycles of
    /// every length appear.
    /// </summary>
    public static Gen<RandomNetwork> Generator() =>
        from count in Gen.Sized(size => Gen.Choose(1, Math.Max(1, size)))
        from eligible in Gen.ArrayOf(Gen.Frequency((85, Gen.Constant(true)), (15, Gen.Constant(false))), count)
        from direct in Gen.ArrayOf(DirectChoice(), count)
        from defaultLayer in Gen.ArrayOf(Entry(count, delegating: 60, blocked: 10, none: 30), count)
        from hasTopic in Gen.Frequency((3, Gen.Constant(true)), (1, Gen.Constant(false)))
        from topicLayer in Gen.ArrayOf(Entry(count, delegating: 30, blocked: 10, none: 60), count)
        from proposalEntries in Gen.ArrayOf(ProposalEntry(count), count)
        select new RandomNetwork(eligible, direct, defaultLayer, hasTopic ? topicLayer : null, Sparse(proposalEntries));

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append("members ").Append(Count).AppendLine(" (member: eligible, direct, default, topic, proposal)");
        for (var member = 0; member < Count; member++)
        {
            text.Append(member).Append(": ")
                .Append(Eligible[member] ? "eligible" : "ineligible").Append(", ")
                .Append(Direct[member]?.ToString() ?? "-").Append(", ")
                .Append(DefaultLayer[member]).Append(", ")
                .Append(TopicLayer is null ? "no layer" : TopicLayer[member]).Append(", ")
                .Append(ProposalLayer.TryGetValue(member, out var atProposal) ? atProposal : "absent")
                .AppendLine();
        }

        return text.ToString();
    }

    private static Gen<Choice?> DirectChoice() =>
        Gen.Frequency(
            (75, Gen.Constant<Choice?>(null)),
            (25, Gen.Elements<Choice?>(Choice.Yes, Choice.No, Choice.Abstain)));

    private static Gen<int> Entry(int count, int delegating, int blocked, int none) =>
        Gen.Frequency(
            (delegating, Gen.Choose(0, count - 1)),
            (blocked, Gen.Constant(DelegationEntry.Blocked)),
            (none, Gen.Constant(DelegationEntry.None)),
            (1, Gen.Constant(OutsideNetwork)));

    private static Gen<int> ProposalEntry(int count) =>
        Gen.Frequency(
            (80, Gen.Constant(Absent)),
            (14, Gen.Choose(0, count - 1)),
            (4, Gen.Constant(DelegationEntry.Blocked)),
            (1, Gen.Constant(DelegationEntry.None)),
            (1, Gen.Constant(OutsideNetwork)));

    private static Dictionary<int, int> Sparse(int[] entries)
    {
        var layer = new Dictionary<int, int>();
        for (var member = 0; member < entries.Length; member++)
        {
            if (entries[member] != Absent)
            {
                layer[member] = entries[member];
            }
        }

        return layer;
    }
}
