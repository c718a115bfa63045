/**
 * Customers list: Refine's antd `useTable` pages, sorts and filters through the c360 data provider
 * (GET /customers with keyset cursors behind page numbers); the state lives in the address
 * (`syncWithLocation`), so a filtered page can be linked. Health and churn are on the rows
 * themselves (`healthScore`, `churnRisk`): a page costs one request. Live: the page refetches when a
 * change lands on one of its customers (the app's liveProvider). A row click opens the show page; a
 * new sort order goes back to page 1.
 * @module
 */
import { useGo, useList } from '@refinedev/core';
import { getDefaultSortOrder, List, useSelect, useTable } from '@refinedev/antd';
import { Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { CustomerSummary, TagSummary } from '@c360/sdk';
import { filterValue, searchFilters, type SearchValues } from './search-filters';

const HEALTH_COLOR = { excellent: 'green', good: 'cyan', fair: 'gold', poor: 'red' } as const;
const CHURN_COLOR = { low: 'green', medium: 'gold', high: 'red' } as const;
/** The documented levels (docs/scoring.md): health excellent ≥ 80, good ≥ 60, fair ≥ 40; churn low < 34 ≤ medium < 67 ≤ high. */
const healthLevel = (score: number) => (score >= 80 ? 'excellent' : score >= 60 ? 'good' : score >= 40 ? 'fair' : 'poor');
const churnLevel = (score: number) => (score < 34 ? 'low' : score < 67 ? 'medium' : 'high');
const TIERS = ['bronze', 'silver', 'gold', 'platinum'];

const money = (value: number, currency: string) => new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(value);

export function CustomerList() {
  const go = useGo();
  const { tableProps, searchFormProps, sorters, filters } = useTable<
    CustomerSummary,
    { message: string; statusCode: number },
    SearchValues
  >({
    resource: 'customers',
    pagination: { pageSize: 10 },
    onSearch: searchFilters,
  });
  // A tag filter (from a tag link of the 360 view) carries the tag id; the chip shows its name.
  const tagFilter = filterValue(filters, 'tag');
  const { result: tags } = useList<TagSummary>({
    resource: 'tags',
    pagination: { mode: 'off' },
    queryOptions: { enabled: Boolean(tagFilter) },
  });
  const tagName = tags.data.find((t) => t.id === tagFilter)?.name ?? String(tagFilter);
  const { selectProps: segmentSelect } = useSelect({
    resource: 'segments',
    optionLabel: 'name',
    optionValue: 'id',
    pagination: { mode: 'off' },
  });

  return (
    <List title="Customers">
      <Form
        {...searchFormProps}
        layout="inline"
        style={{ marginBottom: 16, rowGap: 8 }}
        initialValues={{
          q: filterValue(filters, 'q'),
          tier: filterValue(filters, 'tier'),
          segment: filterValue(filters, 'segment'),
          tag: tagFilter,
        }}
      >
        <Form.Item name="q">
          <Input.Search
            placeholder="Name, email, phone, order number or id"
            aria-label="Search customers"
            allowClear
            style={{ width: 340 }}
            onSearch={() => searchFormProps.form?.submit()}
          />
        </Form.Item>
        <Form.Item name="segment">
          <Select
            {...segmentSelect}
            placeholder="Segment"
            aria-label="Segment"
            allowClear
            style={{ width: 200 }}
            onChange={() => searchFormProps.form?.submit()}
          />
        </Form.Item>
        <Form.Item name="tier">
          <Select
            placeholder="Loyalty tier"
            aria-label="Loyalty tier"
            allowClear
            style={{ width: 150 }}
            options={TIERS.map((t) => ({ value: t, label: t }))}
            onChange={() => searchFormProps.form?.submit()}
          />
        </Form.Item>
        <Form.Item name="tag" hidden>
          <Input />
        </Form.Item>
        {tagFilter ? (
          <Form.Item>
            <Tag
              closable
              onClose={() => {
                searchFormProps.form?.setFieldValue('tag', undefined);
                searchFormProps.form?.submit();
              }}
            >
              tag: {tagName}
            </Tag>
          </Form.Item>
        ) : null}
      </Form>
      <Table
        {...tableProps}
        rowKey="id"
        pagination={{ ...tableProps.pagination, showSizeChanger: true, showTotal: (total) => `${total} customers` }}
        // A new sort order starts again at the first page (the rows of page N change meaning).
        onChange={(pagination, tableFilters, sorter, extra) =>
          tableProps.onChange?.(extra.action === 'sort' ? { ...pagination, current: 1 } : pagination, tableFilters, sorter, extra)
        }
        onRow={(record) => ({
          onClick: () => go({ to: { resource: 'customers', action: 'show', id: record.id } }),
          style: { cursor: 'pointer' },
        })}
      >
        <Table.Column<CustomerSummary>
          dataIndex="name"
          title="Name"
          sorter
          sortDirections={['ascend']}
          defaultSortOrder={getDefaultSortOrder('name', sorters)}
          render={(name: string, record) => (
            <Space direction="vertical" size={0}>
              <Typography.Link style={{ whiteSpace: 'nowrap' }}>{name}</Typography.Link>
              {record.matchedOrderNumber ? <Typography.Text type="secondary">order {record.matchedOrderNumber}</Typography.Text> : null}
            </Space>
          )}
        />
        <Table.Column<CustomerSummary> dataIndex="email" title="Email" />
        <Table.Column<CustomerSummary> dataIndex="country" title="Country" />
        <Table.Column<CustomerSummary>
          dataIndex="lifetimeValue"
          title="CLV"
          align="right"
          sorter
          sortDirections={['descend', 'ascend']}
          defaultSortOrder={getDefaultSortOrder('lifetimeValue', sorters)}
          render={(value: number, record) => money(value, record.currency)}
        />
        <Table.Column<CustomerSummary>
          dataIndex="totalOrders"
          title="Orders"
          align="right"
          sorter
          sortDirections={['descend']}
          defaultSortOrder={getDefaultSortOrder('totalOrders', sorters)}
        />
        <Table.Column<CustomerSummary>
          key="health"
          title="Health"
          render={(_, record) => {
            const score = record.healthScore;
            return score === null ? (
              '—'
            ) : (
              <Tag color={HEALTH_COLOR[healthLevel(score)]}>
                {score} · {healthLevel(score)}
              </Tag>
            );
          }}
        />
        <Table.Column<CustomerSummary>
          key="churn"
          title="Churn risk"
          render={(_, record) => {
            const score = record.churnRisk;
            return score === null ? (
              '—'
            ) : (
              <Tag color={CHURN_COLOR[churnLevel(score)]}>
                {churnLevel(score)} ({score})
              </Tag>
            );
          }}
        />
      </Table>
    </List>
  );
}
