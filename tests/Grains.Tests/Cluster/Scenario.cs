using Governance.Contracts.Cooperatives;
using Governance.Contracts.Decisions;
using Governance.Contracts.Proposals;

namespace Governance.Grains.Tests.Cluster;

/// <summary>Builds cooperatives and proposals with fresh ids, so tests sharing a cluster never meet.</summary>
public sealed class Scenario(IClusterClient client)
{
    public string CooperativeId { get; } = $"coop-{Guid.NewGuid():N}";

    public ICooperativeGrain Cooperative => client.GetGrain<ICooperativeGrain>(CooperativeId);

    /// <summary>Who created the cooperative, and so its first admin: the first member named, or "founder".</summary>
    public string Founder { get; private set; } = "founder";

    public async Task<Scenario> WithMembers(params string[] memberIds)
    {
        Founder = memberIds.Length > 0 ? memberIds[0] : Founder;
        await Cooperative.Create(new CreateCooperativeCommand("Test cooperative", ["budget", "hiring"], null, null, Founder));
        foreach (var memberId in memberIds.Skip(1))
        {
            await Cooperative.AddMember(memberId, null, Founder);
        }

        return this;
    }

    public async Task<IDecisionGrain> OpenProposal(string? topic = null, DateTimeOffset? closesAt = null, double? quorum = null)
    {
        var proposal = await CreateProposal(topic, closesAt, quorum);
        await proposal.Open(Founder);
        return proposal;
    }

    public async Task<IDecisionGrain> CreateProposal(string? topic = null, DateTimeOffset? closesAt = null, double? quorum = null)
    {
        var id = $"p-{Guid.NewGuid():N}";
        await Cooperative.CreateProposal(new CreateDecisionCommand(id, "A proposal", null, topic, DecisionMethod.Majority, closesAt, Founder, Quorum: quorum));
        return Proposal(id);
    }

    public IDecisionGrain Proposal(string proposalId) => client.GetGrain<IDecisionGrain>(DecisionKey.Proposal(CooperativeId, proposalId));
}

/// <summary>Votes on a proposal as the vote route does.</summary>
public static class Votes
{
    public static Task<DecisionBallotView> Vote(this IDecisionGrain proposal, string memberId, VoteChoice choice) =>
        proposal.CastBallot(memberId, new DecisionBallotMarks(choice));
}
