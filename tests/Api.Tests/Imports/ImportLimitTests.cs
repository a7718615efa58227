using Governance.Api.Tests.Security;
using static Governance.Api.Tests.Infrastructure.ImportRoutes;

namespace Governance.Api.Tests.Imports;

/// <summary>
/// Imports on an API whose rate limit is on (a burst of 5, then 1 a second), with a cap of 20 lines per import and
/// batches of 3, so that a small file crosses several batches and the cap.
/// </summary>
public sealed class ImportLimitTests(ImportLimitTests.LimitedImports limited) : IClassFixture<ImportLimitTests.LimitedImports>
{
    public const int MaxLines = 20;

    private GovernanceClient Api => limited.Api.Client;

    [Fact]
    public async Task A_whole_import_costs_one_request_of_the_rate_limit_however_many_lines_it_has()
    {
        var admin = Ids.New("admin");
        var cooperative = await Api.CreateCooperative(members: [admin]);
        var file = "id\n" + string.Join('\n', Enumerable.Range(0, MaxLines).Select(i => $"m{i}"));

        var outcome = await Expect.Ok(await Api.As(admin).SendRaw(HttpMethod.Post, Import(cooperative), file, Csv));

        Assert.Equal((20L, 20L, 0L, 0L), Counts(outcome));

        // The cooperative's creation and the import took two of the burst of five, whatever refilled meanwhile.
        for (var request = 0; request < RateLimitedApi.Burst - 2; request++)
        {
            await Expect.Ok(await Api.As(admin).Get(Routes.Cooperative(cooperative)));
        }
    }

    [Fact]
    public async Task Every_line_past_the_cap_is_refused_as_too_many_lines_and_those_before_it_are_imported()
    {
        var admin = Ids.New("admin");
        var cooperative = await Api.CreateCooperative(members: [admin]);
        var lines = Enumerable.Range(0, MaxLines + 3).Select(i => $$"""{"id":"m{{i}}"}""").ToList();
        lines[4] = "not json";

        var outcome = await Expect.Ok(await Api.As(admin).SendRaw(HttpMethod.Post, Import(cooperative), string.Join('\n', lines), Ndjson));

        Assert.Equal((23L, 19L, 0L, 4L), Counts(outcome));
        Assert.Equal([(5L, "invalid-json"), (21L, "too-many-lines"), (22L, "too-many-lines"), (23L, "too-many-lines")], Refusals(outcome));
        Assert.Equal(20, (await Api.As(admin).GetJson(Routes.Cooperative(cooperative))).GetProperty("memberCount").GetInt32());
    }

    [Fact]
    public async Task An_id_repeated_in_the_next_batch_is_a_duplicate_though_that_batch_was_read_while_the_first_was_committing()
    {
        var admin = Ids.New("admin");
        var cooperative = await Api.CreateCooperative(members: [admin]);

        // Batches of 3: ann and ben come back in the second and third, read while the batch before was on its way.
        var outcome = await Expect.Ok(await Api.As(admin).SendRaw(HttpMethod.Post, Import(cooperative), "id\nann\nben\ncat\ndan\nann\neve\nben\nfay\n", Csv));

        Assert.Equal((8L, 6L, 0L, 2L), Counts(outcome));
        Assert.Equal([(6L, "duplicate-id"), (8L, "duplicate-id")], Refusals(outcome));
        Assert.Equal(7, (await Api.As(admin).GetJson(Routes.Cooperative(cooperative))).GetProperty("memberCount").GetInt32());
    }

    /// <summary>The rate-limited API with the import limits of these tests.</summary>
    public sealed class LimitedImports : IAsyncLifetime
    {
        public RateLimitedApi Api { get; } = RateLimitedApi.With(builder => builder
            .UseSetting("MemberImport:MaxLines", MaxLines.ToString())
            .UseSetting("MemberImport:BatchSize", "3"));

        public Task InitializeAsync() => Api.InitializeAsync();

        public Task DisposeAsync() => Api.DisposeAsync();
    }
}
