namespace Upbit.Rx.IntegrationTests;
