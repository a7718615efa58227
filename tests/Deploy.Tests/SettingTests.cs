using Governance.Deploy.Tests.Manifests;
using Governance.Deploy.Tests.Settings;

namespace Governance.Deploy.Tests;

/// <summary>Every variable the manifests set reaches a setting the code reads, with a value of the right type.</summary>
public sealed class SettingTests
{
    [Fact]
    public void Every_env_var_the_manifests_set_is_read_by_the_code()
    {
        var problems = ClusterManifests.GovernanceContainers
            .SelectMany(container => container.Env.Select(variable => (container.Where, Name: variable.ScalarAt("name") ?? "")))
            .Select(variable => (variable.Where, variable.Name, SettingCatalog.Resolve(variable.Name).Problem))
            .Where(result => result.Problem is not null)
            .Select(result => $"{result.Where}: env {result.Name}: {result.Problem}");

        Findings.AssertNone(problems);
    }

    [Fact]
    public void Every_config_map_and_secret_key_is_read_by_the_code()
    {
        var problems = ClusterManifests.ConfigSources
            .SelectMany(source => source.Entries.Keys.Select(key => (source.Document, Key: key, SettingCatalog.Resolve(key).Problem)))
            .Where(result => result.Problem is not null)
            .Select(result => $"{result.Document}: key {result.Key}: {result.Problem}");

        Findings.AssertNone(problems);
    }

    [Fact]
    public void Every_config_map_and_secret_the_pods_refer_to_exists()
    {
        var sources = ClusterManifests.ConfigSources.ToDictionary(source => (source.Document.Kind, source.Name), source => source.Entries);
        var problems = new List<string>();
        foreach (var container in ClusterManifests.Containers)
        {
            foreach (var reference in container.EnvFrom)
            {
                foreach (var (kind, field) in new[] { ("ConfigMap", "configMapRef"), ("Secret", "secretRef") })
                {
                    if (reference.ScalarAt(field, "name") is { } name && !sources.ContainsKey((kind, name)))
                    {
                        problems.Add($"{container.Where}: envFrom {field} {name}: no {kind} of that name in deploy/k8s");
                    }
                }
            }

            foreach (var variable in container.Env)
            {
                foreach (var (kind, field) in new[] { ("ConfigMap", "configMapKeyRef"), ("Secret", "secretKeyRef") })
                {
                    if (variable.MappingAt("valueFrom", field) is { } keyRef
                        && !(sources.TryGetValue((kind, keyRef.ScalarAt("name") ?? ""), out var entries) && entries.ContainsKey(keyRef.ScalarAt("key") ?? "")))
                    {
                        problems.Add($"{container.Where}: env {variable.ScalarAt("name")}: {kind} {keyRef.ScalarAt("name")} has no key {keyRef.ScalarAt("key")}");
                    }
                }
            }
        }

        Findings.AssertNone(problems);
    }

    [Fact]
    public void Every_setting_value_converts_to_the_type_of_its_property()
    {
        var problems = new List<string>();
        foreach (var setting in LiteralSettings())
        {
            var type = SettingCatalog.Resolve(setting.Name).Property?.PropertyType;
            if (type is null)
            {
                continue;
            }

            try
            {
                global::System.ComponentModel.TypeDescriptor.GetConverter(type).ConvertFromInvariantString(setting.Value!);
            }
            catch (Exception exception) when (exception is FormatException or ArgumentException or NotSupportedException or OverflowException)
            {
                problems.Add($"{setting.Origin}: '{setting.Value}' is not a {type.Name}: {exception.Message}");
            }
        }

        Findings.AssertNone(problems);
    }

    [Fact]
    public void Enum_settings_hold_a_name_the_enum_defines()
    {
        var problems = new List<string>();
        foreach (var setting in LiteralSettings())
        {
            var type = SettingCatalog.Resolve(setting.Name).Property?.PropertyType;
            if (type is { IsEnum: true } && !Enum.GetNames(type).Contains(setting.Value, StringComparer.OrdinalIgnoreCase))
            {
                problems.Add($"{setting.Origin}: '{setting.Value}' is not one of {type.Name}'s {string.Join(", ", Enum.GetNames(type))}");
            }
        }

        Findings.AssertNone(problems);
    }

    [Fact]
    public void Silos_cluster_through_redis_and_keep_state_in_blob_storage_and_the_api_is_their_client()
    {
        var silo = ClusterManifests.ContainerOf(ClusterManifests.SiloImage);
        var api = ClusterManifests.ContainerOf(ClusterManifests.ApiImage);

        AssertSetting(silo, "Orleans__MembershipProvider", "Redis");
        AssertSetting(silo, "Storage__Provider", "AzureBlob");
        AssertSetting(api, "Orleans__MembershipProvider", "Redis");
        AssertSetting(api, "Orleans__Mode", "Client");
    }

    private static IEnumerable<Setting> LiteralSettings() =>
        ClusterManifests.GovernanceContainers
            .SelectMany(container => ClusterManifests.SettingsOf(container).Values)
            .Where(setting => setting.Value is not null)
            .DistinctBy(setting => setting.Origin);

    private static void AssertSetting(PodContainer container, string name, string expected) =>
        Assert.True(
            ClusterManifests.SettingsOf(container).TryGetValue(name, out var setting) && string.Equals(setting.Value, expected, StringComparison.OrdinalIgnoreCase),
            $"{container.Where}: {name} should be {expected}; it is {(setting is null ? "not set" : $"'{setting.Value}' ({setting.Origin})")}.");
}
