using System.Text;
using Governance.Contracts.Cooperatives;
using Governance.Grains.Security;
using Governance.Grains.Tests.Cluster;

namespace Governance.Grains.Tests.Security;

[Collection(ClusterCollection.Name)]
public sealed class AppKeyGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task The_log_keeps_the_secrets_hash_and_never_the_secret()
    {
        var scenario = await new Scenario(fixture.Client).WithMembers("ann");

        var issued = await scenario.Cooperative.IssueAppKey("dashboard", ["read"], "ann");

        var log = await ReadLog(scenario);
        Assert.DoesNotContain(issued.Secret, log, StringComparison.Ordinal);
        Assert.Contains(AppKeySecrets.Hash(issued.Secret), log, StringComparison.Ordinal);
        Assert.Contains("\"type\":\"app-key-issued\"", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_right_secret_of_an_active_key_authenticates_and_keys_survive_reactivation()
    {
        var scenario = await new Scenario(fixture.Client).WithMembers("ann");
        var issued = await scenario.Cooperative.IssueAppKey("dashboard", ["read"], "ann");
        await fixture.Cluster.DeactivateAsync(scenario.Cooperative);

        var grant = await scenario.Cooperative.AuthenticateAppKey(issued.Key.Id, issued.Secret);

        Assert.NotNull(grant);
        Assert.Equal(issued.Key.Id, grant.KeyId);
        Assert.Equal(["read"], grant.Scopes);
        Assert.Null(await scenario.Cooperative.AuthenticateAppKey(issued.Key.Id, issued.Secret + "x"));
        Assert.Null(await scenario.Cooperative.AuthenticateAppKey("unknown", issued.Secret));

        await scenario.Cooperative.RevokeAppKey(issued.Key.Id, "ann");
        Assert.Null(await scenario.Cooperative.AuthenticateAppKey(issued.Key.Id, issued.Secret));
        var listed = Assert.Single(await scenario.Cooperative.ListAppKeys());
        Assert.NotNull(listed.RevokedAt);
    }

    [Fact]
    public async Task Security_events_name_who_acted()
    {
        var scenario = await new Scenario(fixture.Client).WithMembers("ann", "ben");

        await scenario.Cooperative.SetRole("ben", MemberRole.Admin, "ann");
        var key = await scenario.Cooperative.IssueAppKey("dashboard", ["read"], "ben");
        await scenario.Cooperative.RevokeAppKey(key.Key.Id, "ann");
        await scenario.Cooperative.RemoveMember("ann", "ben");

        var log = await ReadLog(scenario);
        Assert.Contains("\"type\":\"role-changed\"", log, StringComparison.Ordinal);
        Assert.Contains("\"memberId\":\"ben\",\"role\":\"admin\",\"by\":\"ann\"", log, StringComparison.Ordinal);
        Assert.Contains($"\"keyId\":\"{key.Key.Id}\",\"by\":\"ann\"", log, StringComparison.Ordinal);
        Assert.Contains("\"type\":\"member-removed\"", log, StringComparison.Ordinal);
        Assert.Contains("\"memberId\":\"ann\",\"by\":\"ben\"", log, StringComparison.Ordinal);
        Assert.Equal(MemberRole.Admin, (await scenario.Cooperative.GetAccess("ben"))!.Role);
        Assert.Null(await scenario.Cooperative.GetAccess("ann"));
    }

    private async Task<string> ReadLog(Scenario scenario)
    {
        var log = new StringBuilder();
        await foreach (var record in fixture.Store.ReadEventsAsync($"cooperative/{scenario.CooperativeId}", 0))
        {
            log.AppendLine(Encoding.UTF8.GetString(record.Data));
        }

        return log.ToString();
    }
}
