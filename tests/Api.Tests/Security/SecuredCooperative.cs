namespace Governance.Api.Tests.Security;

/// <summary>
/// A fresh <see cref="MatrixCooperative"/> for one authorization test, with a topic, a proposal in discussion and two
/// open for voting. Every member delegates at every scope to the next member round the circle admin, plain, other. On
/// <see cref="Open"/> only the admin has voted, so the others' weight travels along their delegations and every
/// delegation shows in their traces and the tally; on <see cref="Voted"/> everyone has voted, so every ballot shows in
/// the list. A request that wrongly got through would show in the delegations, traces, ballots or tally.
/// </summary>
public sealed record SecuredCooperative(
    string Id,
    string Admin,
    string Plain,
    string Other,
    string Outsider,
    string OutsiderCooperative,
    string Topic,
    string Discussion,
    string Open,
    string Voted,
    string KeyId,
    string Key) : IMatrixCooperative
{
    public static async Task<SecuredCooperative> Create(GovernanceClient api)
    {
        const string topic = "budget";
        var founded = await MatrixCooperative.Create(api, topics: [topic]);
        var id = founded.Id;
        var discussion = await api.CreateProposal(id, topic);
        var open = await api.OpenProposal(id, topic);
        var voted = await api.OpenProposal(id, topic);
        var cooperative = new SecuredCooperative(
            id, founded.Admin, founded.Plain, founded.Other, founded.Outsider, founded.OutsiderCooperative, topic, discussion, open, voted,
            founded.KeyId, founded.Key);

        foreach (var member in cooperative.Members)
        {
            await api.DelegateByDefault(id, member, cooperative.Next(member));
            await api.DelegateOnTopic(id, member, topic, cooperative.Next(member));
            await api.DelegateOnProposal(id, open, member, cooperative.Next(member));
        }

        await api.Vote(id, open, cooperative.Admin, "yes");
        await api.Vote(id, voted, cooperative.Admin, "yes");
        await api.Vote(id, voted, cooperative.Plain, "yes");
        await api.Vote(id, voted, cooperative.Other, "no");
        return cooperative;
    }

    public string[] Members => [Admin, Plain, Other];

    /// <summary>Whom a member delegates to in the setup: admin to plain, plain to other, other to admin.</summary>
    public string Next(string member) => Members[(Array.IndexOf(Members, member) + 1) % 3];

    /// <summary>A member to delegate to that differs from both the member and their current delegate.</summary>
    public string Previous(string member) => Members[(Array.IndexOf(Members, member) + 2) % 3];
}
