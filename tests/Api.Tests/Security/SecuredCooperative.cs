namespace Governance.Api.Tests.Security;

/// <summary>
/// A fresh cooperative for one authorization test: an admin founder, a plain member and another member, a topic,
/// a proposal in discussion, two open for voting, an app key issued by the admin, and an outsider who founded a
/// second cooperative but is not a member of this one. Every member delegates at every scope to the next member
/// round the circle admin, plain, other. On <see cref="Open"/> only the admin has voted, so the others' weight
/// travels along their delegations and every delegation shows in their traces and the tally; on
/// <see cref="Voted"/> everyone has voted, so every ballot shows in the list. A request that wrongly got through
/// would show in the delegations, traces, ballots or tally.
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
    string Key)
{
    private static readonly string[] ReadScope = ["read"];

    public static async Task<SecuredCooperative> Create(GovernanceClient api)
    {
        string admin = Ids.New("admin"), plain = Ids.New("plain"), other = Ids.New("other"), outsider = Ids.New("outsider");
        const string topic = "budget";
        var id = await api.CreateCooperative(members: [admin, plain, other], topics: [topic]);
        var outsiderCooperative = await api.CreateCooperative(members: [outsider]);
        var discussion = await api.CreateProposal(id, topic);
        var open = await api.OpenProposal(id, topic);
        var voted = await api.OpenProposal(id, topic);

        var issued = await Expect.Status(
            await api.As(admin).Post(Routes.Keys(id), new { name = "Dashboard", scopes = ReadScope }),
            HttpStatusCode.Created);
        var cooperative = new SecuredCooperative(
            id, admin, plain, other, outsider, outsiderCooperative, topic, discussion, open, voted,
            issued.GetProperty("id").GetString()!, issued.GetProperty("key").GetString()!);

        foreach (var member in cooperative.Members)
        {
            await api.DelegateByDefault(id, member, cooperative.Next(member));
            await api.DelegateOnTopic(id, member, topic, cooperative.Next(member));
            await api.DelegateOnProposal(id, open, member, cooperative.Next(member));
        }

        await api.Vote(id, open, admin, "yes");
        await api.Vote(id, voted, admin, "yes");
        await api.Vote(id, voted, plain, "yes");
        await api.Vote(id, voted, other, "no");
        return cooperative;
    }

    public string[] Members => [Admin, Plain, Other];

    /// <summary>Whom a member delegates to in the setup: admin to plain, plain to other, other to admin.</summary>
    public string Next(string member) => Members[(Array.IndexOf(Members, member) + 1) % 3];

    /// <summary>A member to delegate to that differs from both the member and their current delegate.</summary>
    public string Previous(string member) => Members[(Array.IndexOf(Members, member) + 2) % 3];
}
