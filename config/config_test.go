package config

import (
	"testing"
)

func TestConfig(t *testing.T) {
	tests := []struct {
		name    string
		env     map[string]string
		args    []string
		want    Config
		wantErr bool
	}{
		{name: "defaults", want: Config{DataDir: "./data", Addr: "127.0.0.1:8080", BaseURL: "http://127.0.0.1:8080"}},
		{name: "environment", env: map[string]string{"DATABASE_URL": "postgres://u:p@db:5432/x", "LECTOR_DATA_DIR": "/d", "LECTOR_ADDR": "0.0.0.0:9", "LECTOR_BASE_URL": "https://lector.example/"},
			want: Config{DatabaseURL: "postgres://u:p@db:5432/x", DataDir: "/d", Addr: "0.0.0.0:9", BaseURL: "https://lector.example"}},
		{name: "flags override environment", env: map[string]string{"LECTOR_ADDR": "0.0.0.0:9", "LECTOR_DATA_DIR": "/d"},
			args: []string{"--addr", "127.0.0.1:7", "--data-dir", "/e", "--database-url", "postgresql://h/db"},
			want: Config{DatabaseURL: "postgresql://h/db", DataDir: "/e", Addr: "127.0.0.1:7", BaseURL: "http://127.0.0.1:7"}},
		{name: "bad address", args: []string{"--addr", "8080"}, wantErr: true},
		{name: "bad database URL", args: []string{"--database-url", "mysql://x"}, wantErr: true},
		{name: "bad base URL", args: []string{"--base-url", "ftp://x"}, wantErr: true},
		{name: "PostgreSQL repository", env: map[string]string{"LECTOR_POSTGRES_REPOSITORY": "https://mirror.example/maven2"},
			want: Config{DataDir: "./data", Addr: "127.0.0.1:8080", BaseURL: "http://127.0.0.1:8080", PostgresRepository: "https://mirror.example/maven2"}},
		{name: "bad PostgreSQL repository", args: []string{"--postgres-repository", "repo.example/maven2"}, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := finishArgs(t, tt.env, tt.args)
			if (err != nil) != tt.wantErr {
				t.Fatalf("Finish() error = %v, want error %v", err, tt.wantErr)
			}
			if want := withDefaults(tt.want); !tt.wantErr && *c != want {
				t.Errorf("got %+v, want %+v", *c, want)
			}
		})
	}
}
