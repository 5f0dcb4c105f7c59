namespace Microsoft.Reactive.Testing;
