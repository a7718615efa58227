namespace Governance.Client.Tests.Hosting;

public static class Founding
{
    /// <summary>A cooperative founded by this client's member (its first admin) with the other members added, under an id no other test uses.</summary>
    public static async Task<string> FoundAsync(this GovernanceClient founder, string name, params string[] topics)
    {
        var cooperative = await founder.CreateCooperativeAsync(new CreateCooperativeRequest { Id = $"coop-{Guid.NewGuid():N}", Name = name, Topics = topics });
        foreach (var member in ApiNode.Members.Skip(1))
        {
            await founder.AddMemberAsync(cooperative.Id, new AddMemberRequest { Id = member });
        }

        return cooperative.Id;
    }
}
