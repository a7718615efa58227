using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;

namespace Governance.Grains.Hosting;

/// <summary>
/// The one Azure Storage account of a cluster: event logs and grain state in blobs, membership and reminders in tables.
/// It is reached with Storage:AzureBlob:ConnectionString, or without a key at Storage:AzureBlob:ServiceUri signed in
/// with DefaultAzureCredential. The table endpoint is then the blob endpoint with its "blob" label read as "table"
/// (https://account.blob.core.windows.net gives https://account.table.core.windows.net), or Storage:AzureTable:ServiceUri
/// where no such label exists (an emulator, a custom domain).
/// </summary>
public sealed class AzureStorageAccount
{
    // One per process: a silo reads the account for its event logs, grain state, membership and reminders, and each
    // credential would otherwise fetch and cache tokens of its own.
    private static readonly Lazy<DefaultAzureCredential> SharedCredential = new(() => new DefaultAzureCredential());

    private readonly string _connectionString;
    private readonly TokenCredential? _credential;
    private readonly StorageOptions.RetrySection _retry;

    private AzureStorageAccount(string connectionString, Uri? blobServiceUri, Uri? tableServiceUri, TokenCredential? credential, StorageOptions.RetrySection retry)
    {
        _connectionString = connectionString;
        _retry = retry;
        BlobServiceUri = blobServiceUri;
        TableServiceUri = tableServiceUri;
        _credential = credential;
    }

    /// <summary>The blob endpoint when the account is reached by URI; null with a connection string.</summary>
    public Uri? BlobServiceUri { get; }

    /// <summary>The table endpoint when the account is reached by URI and it is known; null with a connection string.</summary>
    public Uri? TableServiceUri { get; }

    /// <summary>Reads the account from the "Storage" section; <paramref name="credential"/> replaces DefaultAzureCredential on the URI path.</summary>
    public static AzureStorageAccount From(StorageOptions storage, TokenCredential? credential = null)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var blob = storage.AzureBlob;
        var table = storage.AzureTable;
        if (blob.ConnectionString.Length > 0)
        {
            if (blob.ServiceUri.Length > 0)
            {
                throw new InvalidOperationException("Set Storage:AzureBlob:ConnectionString or Storage:AzureBlob:ServiceUri, not both.");
            }

            if (table.ServiceUri.Length > 0)
            {
                throw new InvalidOperationException(
                    "Storage:AzureTable:ServiceUri goes with Storage:AzureBlob:ServiceUri only; with a connection string, name the TableEndpoint in it.");
            }

            return new AzureStorageAccount(blob.ConnectionString, null, null, null, storage.Retry);
        }

        if (blob.ServiceUri.Length == 0)
        {
            throw new InvalidOperationException(
                "The Azure storage account needs Storage:AzureBlob:ConnectionString, or Storage:AzureBlob:ServiceUri to sign in with DefaultAzureCredential.");
        }

        var blobUri = ParseServiceUri("Storage:AzureBlob:ServiceUri", blob.ServiceUri);
        var tableUri = table.ServiceUri.Length > 0 ? ParseServiceUri("Storage:AzureTable:ServiceUri", table.ServiceUri) : DeriveTableUri(blobUri);
        return new AzureStorageAccount("", blobUri, tableUri, credential ?? SharedCredential.Value, storage.Retry);
    }

    /// <summary>Exponential retries bounded by <paramref name="retry"/>: 5xx responses, throttling, lost connections and timeouts.</summary>
    public static BlobClientOptions CreateBlobClientOptions(StorageOptions.RetrySection retry)
    {
        ArgumentNullException.ThrowIfNull(retry);
        var options = new BlobClientOptions();
        Bound(options.Retry, retry);
        return options;
    }

    /// <summary>The same bounded retries for membership and reminders.</summary>
    public static TableClientOptions CreateTableClientOptions(StorageOptions.RetrySection retry)
    {
        ArgumentNullException.ThrowIfNull(retry);
        var options = new TableClientOptions();
        Bound(options.Retry, retry);
        return options;
    }

    public BlobServiceClient CreateBlobServiceClient() =>
        _credential is null
            ? new BlobServiceClient(_connectionString, CreateBlobClientOptions(_retry))
            : new BlobServiceClient(BlobServiceUri, _credential, CreateBlobClientOptions(_retry));

    /// <summary>The client of membership and reminders; fails when the settings name no table endpoint of this account.</summary>
    public TableServiceClient CreateTableServiceClient()
    {
        if (_credential is not null)
        {
            return new TableServiceClient(
                TableServiceUri ?? throw new InvalidOperationException(
                    $"The table endpoint cannot be derived from Storage:AzureBlob:ServiceUri '{BlobServiceUri}' (its host has no 'blob' label); set Storage:AzureTable:ServiceUri."),
                _credential,
                CreateTableClientOptions(_retry));
        }

        var keys = ConnectionStringKeys(_connectionString);
        if (keys.Contains("BlobEndpoint") && !keys.Contains("TableEndpoint"))
        {
            throw new InvalidOperationException(
                "Storage:AzureBlob:ConnectionString names a BlobEndpoint but no TableEndpoint, which membership and reminders need; add the TableEndpoint of the same account.");
        }

        return new TableServiceClient(_connectionString, CreateTableClientOptions(_retry));
    }

    private static void Bound(RetryOptions options, StorageOptions.RetrySection retry)
    {
        options.Mode = RetryMode.Exponential;
        options.MaxRetries = retry.MaxRetries;
        options.Delay = retry.Delay;
        options.MaxDelay = retry.MaxDelay;
        options.NetworkTimeout = retry.NetworkTimeout;
    }

    private static Uri ParseServiceUri(string setting, string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri
            : throw new InvalidOperationException($"{setting} '{value}' is not an http(s) address.");

    private static Uri? DeriveTableUri(Uri blobUri)
    {
        var labels = blobUri.Host.Split('.');
        if (labels.Length < 3 || !labels[1].Equals("blob", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        labels[1] = "table";
        return new UriBuilder(blobUri) { Host = string.Join('.', labels), Path = "/" }.Uri;
    }

    private static HashSet<string> ConnectionStringKeys(string connectionString) =>
        connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2)[0].Trim())
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
}
