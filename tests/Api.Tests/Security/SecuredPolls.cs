namespace Governance.Api.Tests.Security;

/// <summary>
/// Priority polls on a <see cref="SecuredCooperative"/>, all on its topic with items a, b and c: one in discussion, one
/// open where only the admin has ranked and every member delegates for this poll to the next member round the circle
/// (so every delegation shows in the traces and the result), and one where everyone has ranked (so every ballot shows
/// in the list). A request that wrongly got through would show in the poll, its ballots, traces or result.
/// </summary>
public sealed record SecuredPolls(SecuredCooperative Cooperative, string Discussion, string Open, string Voted)
{
    public static async Task<SecuredPolls> Create(GovernanceClient api)
    {
        var cooperative = await SecuredCooperative.Create(api);
        var id = cooperative.Id;
        var discussion = await api.CreatePoll(id, topic: cooperative.Topic);
        var open = await api.OpenPoll(id, topic: cooperative.Topic);
        var voted = await api.OpenPoll(id, topic: cooperative.Topic);
        foreach (var member in cooperative.Members)
        {
            await api.DelegateOnPoll(id, open, member, cooperative.Next(member));
        }

        await api.Rank(id, open, cooperative.Admin, "a|b|c");
        await api.Rank(id, voted, cooperative.Admin, "a");
        await api.Rank(id, voted, cooperative.Plain, "b");
        await api.Rank(id, voted, cooperative.Other, "c");
        return new SecuredPolls(cooperative, discussion, open, voted);
    }
}
