using Azure.Core;
using Governance.Grains.Hosting;
using Microsoft.Extensions.Configuration;

namespace Governance.Grains.Tests.Hosting;

/// <summary>The settings that reach the one storage account of event logs, grain state, membership and reminders.</summary>
public sealed class AzureStorageAccountTests
{
    private const string BlobEndpoint = "BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;";
    private const string TableEndpoint = "TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;";
    private const string AccountKey = "AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;";

    [Fact]
    public void A_connection_string_with_both_endpoints_reaches_the_tables_of_the_same_account()
    {
        var tables = GovernanceClusteringExtensions.RequireAzureTables(
            Configuration(new() { ["Storage:Provider"] = "AzureBlob", ["Storage:AzureBlob:ConnectionString"] = AccountKey + BlobEndpoint + TableEndpoint }),
            silo: true);

        Assert.Equal("devstoreaccount1", tables.AccountName);
        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), tables.Uri);
    }

    [Fact]
    public void An_account_uri_gives_the_table_endpoint_beside_the_blob_endpoint()
    {
        var account = AzureStorageAccount.From(Storage(new() { ["Storage:AzureBlob:ServiceUri"] = "https://coop.blob.core.windows.net" }), new NoCredential());

        Assert.Equal(new Uri("https://coop.blob.core.windows.net/"), account.CreateBlobServiceClient().Uri);
        Assert.Equal(new Uri("https://coop.table.core.windows.net/"), account.TableServiceUri);
        Assert.Equal(new Uri("https://coop.table.core.windows.net/"), account.CreateTableServiceClient().Uri);
    }

    [Fact]
    public void A_table_uri_is_taken_as_given_where_it_cannot_be_derived()
    {
        var account = AzureStorageAccount.From(
            Storage(new()
            {
                ["Storage:AzureBlob:ServiceUri"] = "https://127.0.0.1:10000/devstoreaccount1",
                ["Storage:AzureTable:ServiceUri"] = "https://127.0.0.1:10002/devstoreaccount1",
            }),
            new NoCredential());

        Assert.Equal(new Uri("https://127.0.0.1:10002/devstoreaccount1"), account.CreateTableServiceClient().Uri);
    }

    [Theory]
    [InlineData("Sqlite", AccountKey + BlobEndpoint + TableEndpoint, "", "", "needs Storage:Provider=AzureBlob")]
    [InlineData("AzureBlob", "", "", "", "needs Storage:AzureBlob:ConnectionString, or Storage:AzureBlob:ServiceUri")]
    [InlineData("AzureBlob", AccountKey + BlobEndpoint, "", "", "names a BlobEndpoint but no TableEndpoint")]
    [InlineData("AzureBlob", AccountKey + BlobEndpoint + TableEndpoint, "https://coop.blob.core.windows.net", "", "not both")]
    [InlineData("AzureBlob", AccountKey + BlobEndpoint + TableEndpoint, "", "https://coop.table.core.windows.net", "goes with Storage:AzureBlob:ServiceUri only")]
    [InlineData("AzureBlob", "", "coop.blob.core.windows.net", "", "'coop.blob.core.windows.net' is not an http(s) address")]
    [InlineData("AzureBlob", "", "https://127.0.0.1:10000/devstoreaccount1", "", "cannot be derived from Storage:AzureBlob:ServiceUri")]
    public void Missing_or_inconsistent_settings_stop_the_start_with_what_to_set(
        string provider, string connectionString, string blobUri, string tableUri, string message)
    {
        var configuration = Configuration(new()
        {
            ["Storage:Provider"] = provider,
            ["Storage:AzureBlob:ConnectionString"] = connectionString,
            ["Storage:AzureBlob:ServiceUri"] = blobUri,
            ["Storage:AzureTable:ServiceUri"] = tableUri,
        });

        var error = Assert.Throws<InvalidOperationException>(() => GovernanceClusteringExtensions.RequireAzureTables(configuration, silo: true));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_api_as_a_client_needs_only_the_account_not_the_event_store()
    {
        var configuration = Configuration(new() { ["Storage:AzureBlob:ConnectionString"] = AccountKey + BlobEndpoint + TableEndpoint });

        Assert.Equal("devstoreaccount1", GovernanceClusteringExtensions.RequireAzureTables(configuration, silo: false).AccountName);
    }

    private static StorageOptions Storage(Dictionary<string, string?> values) =>
        Configuration(values).GetSection(StorageOptions.Section).Get<StorageOptions>()!;

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    /// <summary>Builds clients without signing in: none of these tests sends a request.</summary>
    private sealed class NoCredential : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("No request is sent.");

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("No request is sent.");
    }
}
